package org.rectification.ledger.bench;

import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XML factories the product's JVM options name are the JDK's own, the ones JAXP falls back to when no jar
 * offers another: naming them only spares the search of the class path, and a misspelt name (or a JDK that renamed
 * its classes) would break every workbook the product writes.
 */
class ProductOptionsTests {

    @Test
    void namesTheJdksOwnXmlFactories() throws Exception {
        Map<String, String> properties = ProductOptions.load()
            .stream()
            .filter((option) -> option.startsWith("-Djavax.xml."))
            .map((option) -> option.substring(2).split("=", 2))
            .collect(Collectors.toMap((pair) -> pair[0], (pair) -> pair[1]));

        assertThat(properties).containsOnly(
                Map.entry("javax.xml.transform.TransformerFactory",
                        TransformerFactory.newDefaultInstance().getClass().getName()),
                Map.entry("javax.xml.parsers.SAXParserFactory",
                        SAXParserFactory.newDefaultInstance().getClass().getName()));
    }

}
