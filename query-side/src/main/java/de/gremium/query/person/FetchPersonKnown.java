package de.gremium.query.person;

/** Whether anything is stored about the person with this user id (an event or a view document naming them). */
record FetchPersonKnown(String userId) {
}
