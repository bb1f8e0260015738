package de.gremium.events.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event (or of a value an event carries) that holds personal data. The record stores every
 * string in it encrypted with the key of the person it belongs to, so that deleting that key erases it everywhere
 * (crypto-shredding, docs/adr/0007-crypto-shredding.md).
 *
 * <ul>
 *   <li>{@code @PersonalData} alone: every string in the value is itself a person's user id (an actor such as
 *       {@code submittedBy}, a {@code MemberId}, a list of them), each encrypted with its own person's key.</li>
 *   <li>{@code of}: the value (a name, a text) belongs to the person whose user id is in the named component: the
 *       first of the names found, in this record or else in the record that carries it.</li>
 *   <li>{@code item}: the value is free text about one item (a problem report) that can be erased on its own, under a
 *       key of that person for that item; erasing the person who first wrote about the item erases all of its text.</li>
 * </ul>
 *
 * <p>After erasure the value reads as {@link #ERASED_PERSON} or, for {@link #text()}, {@link #ERASED_TEXT}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** What a person's user id or name reads as once their key is deleted. */
    String ERASED_PERSON = "gelöschte Person";
    /** What free text reads as once its key is deleted. */
    String ERASED_TEXT = "gelöschter Text";

    /** The components holding the user id of the person this belongs to; empty: the value is a user id itself. */
    String[] of() default {};

    /** The component holding the id of the item whose text this is, erasable on its own; empty: none. */
    String item() default "";

    /** Free text, read as {@link #ERASED_TEXT} after erasure (a name or an id reads as {@link #ERASED_PERSON}). */
    boolean text() default false;
}
