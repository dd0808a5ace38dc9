package org.rectification.ledger.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;

/** What the mail tests share: a port for an in-process SMTP server, and the plain text a clerk reads in a mail. */
public final class TestMail {

    private TestMail() {
    }

    /** A loopback port nothing listens on now, for a GreenMail server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The first plain-text part that is not an attachment, searched depth first; null when there is none. */
    public static String bodyText(Part part) {
        try {
            if (part.isMimeType("text/plain") && part.getDisposition() == null) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof MimeMultipart inner) {
                for (int i = 0; i < inner.getCount(); i++) {
                    String text = bodyText(inner.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        }
        catch (IOException | jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
