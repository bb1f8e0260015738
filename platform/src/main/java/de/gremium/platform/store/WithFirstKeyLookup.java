package de.gremium.platform.store;

/** An index of the embedded server that keeps a {@link FirstKeyLookup}, which can also serve a sort. */
interface WithFirstKeyLookup {

    FirstKeyLookup lookup();
}
