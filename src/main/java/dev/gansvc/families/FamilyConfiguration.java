package dev.gansvc.families;

import dev.gansvc.engine.family.ModelFamilies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's family registry as a bean, for validation, the API document and the catalogue. */
@Configuration(proxyBeanMethods = false)
public class FamilyConfiguration {

    @Bean
    ModelFamilies modelFamilies() {
        return ModelFamilies.all();
    }
}
