/**
 * The one refusal model of both sides: {@link de.gremium.platform.refusal.Refusal} and its kinds. It depends on the
 * JDK only, so that aggregates may throw it (ArchUnit keeps Spring, the web and the rest of the platform out of
 * them); the platform's {@code ProblemDetailsAdvice} gives each kind its status and problem type.
 */
package de.gremium.platform.refusal;
