/**
 * Gremium's published language: the commands, events, queries, ids and enums that the command side
 * and the query side share. Immutable records only, depending on nothing but Axon's annotations, so
 * that either side can be rebuilt, replaced or replayed without touching the other.
 */
package de.gremium.events;
