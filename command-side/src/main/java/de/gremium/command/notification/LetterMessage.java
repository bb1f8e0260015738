package de.gremium.command.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * A letter of the outbox as a MIME message: {@code multipart/alternative} of text/plain and text/html (UTF-8); an
 * invitation adds its iCalendar object as a third alternative ({@code text/calendar; method=REQUEST|CANCEL}, which
 * calendar programs act on) and as the attachment {@code invite.ics}, the two in a {@code multipart/mixed}. No
 * tracking: nothing but the letter's own text and links.
 */
final class LetterMessage {

    static final String CHARSET = "UTF-8";
    static final String ATTACHMENT = "invite.ics";

    private LetterMessage() {
    }

    /** Fills {@code message} (made by the mail sender) with the letter, from {@code sender}, sent at {@code now}. */
    static void fill(MimeMessage message, ClaimedLetter letter, String sender, Instant now)
            throws MessagingException, UnsupportedEncodingException {
        InternetAddress from = address(sender);
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(letter.recipientAddress(), letter.recipientName(), CHARSET));
        message.setSubject(letter.subject(), CHARSET);
        message.setSentDate(Date.from(now));
        // the same for every attempt at this row: a letter sent twice after a crash mid-send is seen as one
        message.setHeader("Message-ID", messageId(letter, from.getAddress()));
        // RFC 3834: sent by a machine; no out-of-office answers, please
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text(letter.text(), "plain"));
        alternative.addBodyPart(text(letter.html(), "html"));
        if (letter.calendar() == null) {
            message.setContent(alternative);
            return;
        }
        byte[] calendar = letter.calendar().getBytes(StandardCharsets.UTF_8);
        MimeBodyPart invitation = new MimeBodyPart();
        invitation.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar,
                "text/calendar; method=" + method(letter.calendar()) + "; charset=" + CHARSET)));
        alternative.addBodyPart(invitation);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar, "application/ics; name=" + ATTACHMENT)));
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setFileName(ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
    }

    /** The iTIP method the calendar object states (CANCEL or REQUEST). */
    static String method(String calendar) {
        return calendar.lines().anyMatch(line -> line.trim().equalsIgnoreCase("METHOD:CANCEL")) ? "CANCEL" : "REQUEST";
    }

    /** {@code <gremium.<row id>.<digest of its key>@<the sender's domain>>}: stable per row, unique across records. */
    static String messageId(ClaimedLetter letter, String senderAddress) {
        int at = senderAddress.lastIndexOf('@');
        String domain = at < 0 || at == senderAddress.length() - 1 ? "gremium.invalid" : senderAddress.substring(at + 1);
        return "<gremium." + letter.id() + "." + shortDigest(letter.recipientId() + "/" + letter.createdAt()) + "@" + domain + ">";
    }

    static InternetAddress address(String sender) throws MessagingException, UnsupportedEncodingException {
        InternetAddress parsed = new InternetAddress(sender, true);
        // a display name with umlauts is encoded as RFC 2047 words
        return parsed.getPersonal() == null ? parsed : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), CHARSET);
    }

    private static MimeBodyPart text(String body, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body == null ? "" : body, CHARSET, subtype);
        return part;
    }

    private static String shortDigest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
