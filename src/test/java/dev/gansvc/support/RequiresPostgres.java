package dev.gansvc.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, before any Spring context loads, when there is no PostgreSQL to run
 * against: neither {@code GAN_TEST_POSTGRES_URL} nor a Docker engine for Testcontainers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return PostgresDatabase.available()
                    ? ConditionEvaluationResult.enabled("PostgreSQL available")
                    : ConditionEvaluationResult.disabled("no PostgreSQL: set " + PostgresDatabase.URL_VARIABLE
                            + " or run a Docker engine for Testcontainers");
        }
    }
}
