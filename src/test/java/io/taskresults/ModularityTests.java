package io.taskresults;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package-by-feature structure, checked: features do not depend on each other in
 * circles, and what is persistence stays inside its feature.
 */
class ModularityTests {

	private static final JavaClasses main = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.taskresults");

	@Test
	void featuresHaveNoDependencyCycles() {
		slices().matching("io.taskresults.(*)..").should().beFreeOfCycles().check(main);
	}

	@Test
	void entitiesAndRepositoriesStayInsideTheirFeature() {
		classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(main);
		classes().that().areAssignableTo(Repository.class).should().notBePublic().check(main);
	}

	@Test
	void theWebFoundationKnowsNoFeature() {
		classes().that()
			.resideInAPackage("io.taskresults.web..")
			.should()
			.onlyDependOnClassesThat()
			.resideOutsideOfPackages("io.taskresults.apikey..", "io.taskresults.task..", "io.taskresults.taskresult..",
					"io.taskresults.cli..", "io.taskresults.demo..", "io.taskresults.tls..")
			.check(main);
	}

}
