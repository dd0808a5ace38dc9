package org.rectification.ledger.sheet;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses the XML parts of a department's workbook with SAX, resolving no DTD and no external entity: the files
 * come from outside the office, and an XXE in a sheet must never read the server's files.
 */
public final class SecureXml {

    /** Parser factories are costly to look up and configure: one per thread. */
    private static final ThreadLocal<SAXParserFactory> FACTORIES = ThreadLocal.withInitial(() -> {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory;
        }
        catch (Exception ex) {
            throw new IllegalStateException("No secure XML parser available", ex);
        }
    });

    /**
     * A parser of this thread's, reset after each use: a new one for each part (a notice parses three parts of its
     * source) was 2 % of a notice's CPU. Taken out while in use, so a handler that parses another part meanwhile
     * gets a new one.
     */
    private static final ThreadLocal<SAXParser> IDLE = new ThreadLocal<>();

    private SecureXml() {
    }

    /** Streams one part through the handler. */
    public static void parse(InputStream part, DefaultHandler handler) throws IOException, SAXException {
        SAXParser parser = IDLE.get();
        IDLE.remove();
        if (parser == null) {
            parser = newParser();
        }
        try {
            parser.parse(part, handler);
        }
        finally {
            // back to the factory's configuration (the features above included), with no handler left in it
            parser.reset();
            IDLE.set(parser);
        }
    }

    static SAXParser newParser() throws IOException {
        try {
            return FACTORIES.get().newSAXParser();
        }
        catch (Exception ex) {
            throw new IOException("No secure XML parser available", ex);
        }
    }

}
