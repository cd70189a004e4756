package omega.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md ("Modules") on the real code base: every production class under
 * {@code omega} of every module (the app module's test classpath sees them all; test classes, including
 * this one in {@code omega.app}, are not imported). {@link ModuleBoundaryRulesTest} proves each rule fails
 * on a violation.
 */
class ModuleBoundaryTest {

    private static final String ROOT = "omega";

    private static Path modulesDir;
    private static Map<String, Set<String>> poms;
    private static JavaClasses code;
    private static ModuleBoundaryRules rules;

    @BeforeAll
    static void importProductionCode() {
        modulesDir = MavenModuleDependencies.modulesDir();
        poms = MavenModuleDependencies.read(modulesDir);
        code = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        rules = new ModuleBoundaryRules(ROOT, ModuleBoundaryRules.DESIGN, poms);
    }

    /** Guards against a vacuous pass: every Maven module with sources is imported, and nothing from test sources. */
    @Test
    void importHoldsEveryModulesProductionClassesOnly() {
        Set<String> inCode = code.stream().map(rules::moduleOf).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> withSources = poms.keySet().stream().filter(this::hasMainSources)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(inCode.containsAll(withSources), "modules with sources " + withSources + ", imported " + inCode);
        assertTrue(poms.keySet().containsAll(inCode), "modules in code " + inCode + ", Maven modules " + poms.keySet());
        List<String> fromTests = code.stream()
                .filter(c -> c.getSource().map(s -> s.getUri().toString().contains("test-classes")).orElse(false))
                .map(c -> c.getName()).toList();
        assertEquals(List.of(), fromTests, "test classes must not be imported");
    }

    @Test
    void everyClassBelongsToAKnownModule() {
        rules.everyClassBelongsToAKnownModule().check(code);
    }

    @Test
    void modulesUseEachOtherOnlyThroughTheirApi() {
        rules.otherModulesOnlyThroughTheirApi().check(code);
    }

    @Test
    void modulesAreFreeOfCycles() {
        rules.modulesAreFreeOfCycles().check(code);
    }

    @Test
    void modulesUseOnlyWhatTheDesignAllows() {
        rules.modulesOnlyUseWhatTheDesignAllows().check(code);
    }

    @Test
    void modulesUseOnlyWhatTheirPomDeclares() {
        rules.modulesOnlyUseWhatTheirPomDeclares().check(code);
    }

    @Test
    void pomsDeclareOnlyWhatTheDesignAllows() {
        assertEquals(List.of(), rules.pomDependenciesOutsideTheDesign());
    }

    @Test
    void apiPackagesDoNotUseInternals() {
        rules.apiDoesNotUseInternals().check(code);
    }

    @Test
    void apiPackagesHoldOnlyContractTypes() {
        rules.apiHoldsOnlyContractTypes().check(code);
    }

    private boolean hasMainSources(String module) {
        Path sources = modulesDir.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
