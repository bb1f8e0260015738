package de.gremium.platform.store;

/** Makes acknowledged writes survive a crash; called after a command's unit of work committed. */
@FunctionalInterface
public interface Durability {

    void flush();

    /** A real MongoDB with {@code w=majority, journal=true} is durable once it acknowledges. */
    static Durability acknowledgedWritesAreDurable() {
        return () -> { };
    }
}
