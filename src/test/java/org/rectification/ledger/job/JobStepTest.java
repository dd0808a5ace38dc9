package org.rectification.ledger.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rectification.ledger.RectificationLedgerApplication;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A step-level test of the consolidation job: the application's beans over the scratch office of {@link StepOffice},
 * with spring-batch-test's {@code JobOperatorTestUtils}, {@code JobRepositoryTestUtils} and step scope. Every class
 * so annotated shares one context (one office, one embedded ledger); each test starts from
 * {@link StepOffice#clear}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBatchTest
@SpringBootTest(classes = RectificationLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.main.banner-mode=off", "spring.main.log-startup-info=false",
                "spring.batch.job.enabled=false", "spring.batch.jdbc.initialize-schema=always",
                "spring.batch.jdbc.schema=classpath:db/batch/schema-@@platform@@.sql",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration" })
@ContextConfiguration(initializers = StepOffice.class)
@interface JobStepTest {

}
