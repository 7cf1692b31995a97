package io.taskresults.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against the real PostgreSQL of {@link TestDatabase}, never an
 * embedded stand-in. Slices such as {@code @DataJpaTest} also need
 * {@code @AutoConfigureTestDatabase(replace = NONE)} on the class itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface UsesTestDatabase {

}
