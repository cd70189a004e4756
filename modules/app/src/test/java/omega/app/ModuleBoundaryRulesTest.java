package omega.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fixtures.boundary.omega.Orphan;
import fixtures.boundary.omega.connectors.control.PeeksAtTriage;
import fixtures.boundary.omega.context.api.Memory;
import fixtures.boundary.omega.context.control.AsksTitan;
import fixtures.boundary.omega.misc.Stray;
import fixtures.boundary.omega.platform.api.Clock;
import fixtures.boundary.omega.platform.api.OpenHelper;
import fixtures.boundary.omega.platform.control.Leaky;
import fixtures.boundary.omega.titans.api.Titan;
import fixtures.boundary.omega.titans.control.Remembers;
import fixtures.boundary.omega.triage.api.TicketRowView;
import fixtures.boundary.omega.triage.api.Triage;
import fixtures.boundary.omega.triage.boundary.TicketsResource;
import fixtures.boundary.omega.triage.boundary.UsesPlatformControl;
import fixtures.boundary.omega.triage.control.Classifier;
import fixtures.boundary.omega.triage.control.ReadsContext;
import fixtures.boundary.omega.triage.entity.TicketRow;

/**
 * The rules of {@link ModuleBoundaryTest} are not vacuous: on a small fixture code base (root
 * {@code fixtures.boundary.omega}, with poms written to a temporary modules folder) each deliberate
 * violation is reported by exactly the rule meant to catch it, and the clean fixture passes every rule.
 */
class ModuleBoundaryRulesTest {

    private static final String ROOT = "fixtures.boundary.omega";

    /** A compliant fixture: triage uses its own packages and platform's api. */
    private static final List<Class<?>> CLEAN = List.of(Clock.class, Leaky.class, Triage.class, Classifier.class,
            TicketsResource.class);

    @TempDir
    static Path modulesDir;

    private static Map<String, Set<String>> fixturePoms;
    private static ModuleBoundaryRules rules;

    @BeforeAll
    static void writeFixturePoms() throws IOException {
        pom("platform", """
                <dependencies>
                  <dependency><groupId>jakarta.platform</groupId><artifactId>jakarta.jakartaee-api</artifactId></dependency>
                </dependencies>
                <dependencyManagement><dependencies>
                  <dependency><groupId>omega</groupId><artifactId>omega-triage</artifactId></dependency>
                </dependencies></dependencyManagement>
                """);
        pom("triage", """
                <dependencies>
                  <dependency><groupId>omega</groupId><artifactId>omega-platform</artifactId></dependency>
                  <dependency><groupId>omega</groupId><artifactId>omega-context</artifactId><scope>test</scope></dependency>
                  <dependency><groupId>elsewhere</groupId><artifactId>omega-context</artifactId></dependency>
                </dependencies>
                <build><plugins><plugin><artifactId>some-plugin</artifactId><dependencies>
                  <dependency><groupId>omega</groupId><artifactId>omega-context</artifactId></dependency>
                </dependencies></plugin></plugins></build>
                """);
        pom("connectors", """
                <dependencies>
                  <dependency><groupId>omega</groupId><artifactId>omega-platform</artifactId></dependency>
                  <dependency><groupId>${project.groupId}</groupId><artifactId>omega-triage</artifactId></dependency>
                </dependencies>
                """);
        pom("context", """
                <dependencies>
                  <dependency><groupId>omega</groupId><artifactId>omega-platform</artifactId></dependency>
                </dependencies>
                """);
        pom("titans", """
                <dependencies>
                  <dependency><groupId>omega</groupId><artifactId>omega-platform</artifactId></dependency>
                </dependencies>
                """);
        Files.createDirectories(modulesDir.resolve("notes")); // a folder without pom.xml is no module
        fixturePoms = MavenModuleDependencies.read(modulesDir);
        rules = new ModuleBoundaryRules(ROOT, ModuleBoundaryRules.DESIGN, fixturePoms);
    }

    @Test
    void pomReaderSeesOnlyTheProjectsOwnNonTestModuleDependencies() {
        assertEquals(Map.of("platform", Set.of(), "triage", Set.of("platform"), "connectors", Set.of("platform", "triage"),
                "context", Set.of("platform"), "titans", Set.of("platform")), fixturePoms);
    }

    @Test
    void realPomsAreFoundAndRead() {
        Map<String, Set<String>> real = MavenModuleDependencies.read(MavenModuleDependencies.modulesDir());
        assertEquals(Set.of(), real.get("platform"));
        assertEquals(Set.of("platform", "titans"), real.get("triage"));
        assertTrue(real.get("app").containsAll(Set.of("platform", "triage")), "app declares " + real.get("app"));
    }

    @Test
    void cleanFixturePassesEveryRule() {
        JavaClasses clean = fixture();
        for (ArchRule rule : rules.all()) {
            rule.check(clean);
        }
    }

    @Test
    void ruleOneReportsAUseOfAnotherModulesControlPackage() {
        assertOnlyViolation(ModuleBoundaryRules::otherModulesOnlyThroughTheirApi, fixture(UsesPlatformControl.class),
                UsesPlatformControl.class.getName(), Leaky.class.getName(), "triage -> platform");
    }

    @Test
    void ruleTwoReportsATwoModuleCycleEvenWhereTableAndPomsWouldAllowIt() {
        Map<String, Set<String>> anything = Map.of(
                "platform", Set.of(), "triage", Set.of("platform"), "context", Set.of("titans"), "titans", Set.of("context"));
        ModuleBoundaryRules permissive = new ModuleBoundaryRules(ROOT, anything, anything);
        JavaClasses cycle = fixture(Memory.class, Titan.class, AsksTitan.class, Remembers.class);

        assertOnlyViolation(permissive, ModuleBoundaryRules::modulesAreFreeOfCycles, cycle,
                AsksTitan.class.getName(), Remembers.class.getName());
        assertTrue(rules.modulesOnlyUseWhatTheDesignAllows().evaluate(cycle).hasViolation(),
                "the real table forbids context -> titans as well");
    }

    @Test
    void ruleThreeReportsAUseTheDesignTableForbids() {
        assertOnlyViolation(ModuleBoundaryRules::modulesOnlyUseWhatTheDesignAllows, fixture(PeeksAtTriage.class),
                PeeksAtTriage.class.getName(), Triage.class.getName(), "connectors -> triage", "DESIGN.md");
    }

    @Test
    void ruleThreeReportsAUseThePomDoesNotDeclare() {
        assertOnlyViolation(ModuleBoundaryRules::modulesOnlyUseWhatTheirPomDeclares, fixture(Memory.class, ReadsContext.class),
                ReadsContext.class.getName(), Memory.class.getName(), "triage -> context", "pom.xml");
    }

    @Test
    void pomsThatDeclareWhatTheDesignForbidsAreReported() {
        assertEquals(List.of("pom of connectors declares omega-triage, but DESIGN.md lets connectors use only [platform]"),
                rules.pomDependenciesOutsideTheDesign());
    }

    @Test
    void apiPackagesMayNotExposeTheirOwnModulesEntities() {
        assertOnlyViolation(ModuleBoundaryRules::apiDoesNotUseInternals, fixture(TicketRowView.class, TicketRow.class),
                TicketRowView.class.getName(), TicketRow.class.getName());
    }

    @Test
    void apiPackagesMayNotHoldOpenClasses() {
        assertOnlyViolation(ModuleBoundaryRules::apiHoldsOnlyContractTypes, fixture(OpenHelper.class),
                OpenHelper.class.getName());
    }

    @Test
    void classesOutsideAKnownModuleAreReported() {
        assertOnlyViolation(ModuleBoundaryRules::everyClassBelongsToAKnownModule, fixture(Orphan.class, Stray.class),
                Orphan.class.getName() + " is in no known module (root package)",
                Stray.class.getName() + " is in no known module (unknown module 'misc')");
    }

    @Test
    void aViolationFailsCheckWithArchUnitsReport() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> rules.otherModulesOnlyThroughTheirApi().check(fixture(UsesPlatformControl.class)));
        assertTrue(failure.getMessage().contains("Architecture Violation"), failure.getMessage());
    }

    private void assertOnlyViolation(Function<ModuleBoundaryRules, ArchRule> expected, JavaClasses classes,
                                     String... mentioned) {
        assertOnlyViolation(rules, expected, classes, mentioned);
    }

    /** The expected rule reports a violation naming every {@code mentioned} text; every other rule passes. */
    private static void assertOnlyViolation(ModuleBoundaryRules under, Function<ModuleBoundaryRules, ArchRule> expected,
                                            JavaClasses classes, String... mentioned) {
        String expectedRule = expected.apply(under).getDescription();
        boolean seen = false;
        for (ArchRule rule : under.all()) {
            EvaluationResult result = rule.evaluate(classes);
            if (rule.getDescription().equals(expectedRule)) {
                seen = true;
                assertTrue(result.hasViolation(), "expected a violation of: " + expectedRule);
                String report = String.join("\n", result.getFailureReport().getDetails());
                for (String text : mentioned) {
                    assertTrue(report.contains(text), "report lacks '" + text + "':\n" + report);
                }
            } else {
                assertFalse(result.hasViolation(), "unexpected violation of " + rule.getDescription() + ":\n"
                        + result.getFailureReport());
            }
        }
        assertTrue(seen, "rule not among all(): " + expectedRule);
    }

    private static JavaClasses fixture(Class<?>... scenario) {
        List<Class<?>> classes = new ArrayList<>(CLEAN);
        classes.addAll(List.of(scenario));
        return new ClassFileImporter().importClasses(classes);
    }

    private static void pom(String module, String body) throws IOException {
        Path dir = Files.createDirectories(modulesDir.resolve(module));
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>omega</groupId><artifactId>omega-parent</artifactId><version>0</version></parent>
                  <artifactId>omega-%s</artifactId>
                %s</project>
                """.formatted(module, body));
    }
}
