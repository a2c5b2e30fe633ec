package cn.innovationchina.notification.scenarios;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM, on the port the test configuration gives {@code spring.mail.port}; started
 * once, like the broker, and shared by every test class.
 */
final class MailServer {

    static final int PORT = 3925;
    private static final GreenMail SMTP = start();

    private MailServer() {
    }

    private static GreenMail start() {
        var smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "greenmail-stop"));
        return smtp;
    }

    /** Starts the server if no test has yet: mail sent before it listens would fail. */
    static void ensureRunning() {
        if (!SMTP.isRunning()) {
            throw new IllegalStateException("The SMTP server of the tests did not start");
        }
    }

    /** Runs the action while nothing listens on the SMTP port, as when the mail server is down. */
    static void whileDown(Runnable action) {
        SMTP.stop();
        try {
            action.run();
        } finally {
            SMTP.start();
        }
    }

    /** Every message received so far for the address. */
    static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).trim();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
