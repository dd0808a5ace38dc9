package org.rectification.ledger.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A thread's parser is used again after each part: it must be as new each time (its defences against DOCTYPEs
 * included, after a part it refused too), and a handler that parses another part meanwhile must not share it.
 */
class SecureXmlTests {

    private static final String DOCTYPE = """
            <?xml version="1.0"?>
            <!DOCTYPE sheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <sheet><v>&secret;</v></sheet>
            """;

    @Test
    void refusesADoctypeEveryTimeAndParsesTheNextPartAsNew() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> SecureXml.parse(xml(DOCTYPE), new Elements())).isInstanceOf(SAXException.class)
                .hasMessageContaining("DOCTYPE");
            Elements elements = new Elements();
            SecureXml.parse(xml("<a xmlns='urn:x'><b/><c/></a>"), elements);
            assertThat(elements.names).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aHandlerParsingAnotherPartMeanwhileGetsAParserOfItsOwn() throws Exception {
        Elements inner = new Elements();
        Elements outer = new Elements() {

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                super.startElement(uri, localName, qName, attributes);
                if (localName.equals("b")) {
                    try {
                        SecureXml.parse(xml("<x><y/></x>"), inner);
                    }
                    catch (IOException ex) {
                        throw new SAXException(ex);
                    }
                }
            }

        };
        SecureXml.parse(xml("<a><b/><c/></a>"), outer);
        assertThat(outer.names).containsExactly("a", "b", "c");
        assertThat(inner.names).containsExactly("x", "y");
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static class Elements extends DefaultHandler {

        final List<String> names = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            this.names.add(localName);
        }

    }

}
