package io.recallbricks.chaos.experiment;

/**
 * One reversible fault. {@link #remove()} must restore the dependency whatever state {@link #inject()} reached, and
 * be safe to call twice (the runner calls it in a finally block, and again from cleanup).
 */
public interface Fault {

    /** Short id, used for {@code --only} and the journal's file name, e.g. {@code database-down}. */
    String name();

    /** What the experiment shows, as a sentence (the journal's title). */
    String title();

    /** How the fault is made, for people reading the journal. */
    String method();

    Dependency dependency();

    /** What the inject action did (e.g. how many connections the hog holds), for the journal. */
    String inject() throws Exception;

    void remove() throws Exception;
}
