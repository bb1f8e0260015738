/**
 * Notifications by e-mail (docs/notifications.md): the notification processor turns events into letters in the
 * outbox of the record, timers add the letters that are due later, the postman sends them through the configured SMTP
 * server (or holds them when none is configured).
 */
package de.gremium.command.notification;
