package dev.gansvc.engine.nn;

import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a block whose ND4J temporaries live in a thread-local workspace that is reused on the
 * next call. Without it every temporary is off-heap memory freed only when the GC runs, and a
 * training loop's footprint grows by gigabytes. Nothing allocated inside may escape: the block
 * returns plain Java values, and long-lived arrays are created outside and updated in place.
 */
public final class Workspaces {

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {}

    public static <T> T run(String name, Supplier<T> block) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, name)) {
            return block.get();
        }
    }
}
