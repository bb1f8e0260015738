package de.gremium.query.search;

import de.gremium.platform.refusal.Refusal;

/**
 * What the user typed into the search: words, all of which must match, and "quoted phrases". Any other character
 * is text (the parser takes no other operator), so no input can make the search fail; blank or over
 * {@value #MAX_LENGTH} characters is refused naming {@code q}.
 */
record SearchText(String value) {

    static final int MAX_LENGTH = 200;

    SearchText {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("q", "must not be blank: type one or more words, or \"a phrase\" in quotes");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw Refusal.invalid("q", "must be at most " + MAX_LENGTH + " characters long");
        }
    }
}
