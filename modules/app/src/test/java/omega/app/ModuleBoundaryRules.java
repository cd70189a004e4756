package omega.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module rules of DESIGN.md ("Modules"), for any root package: {@code omega} for the real code base,
 * a fixture root in {@link ModuleBoundaryRulesTest} to prove every rule reports what it should.
 * A module is the first package segment under the root ({@code <root>.<module>..}); its only public
 * package is {@code <root>.<module>.api..}.
 */
final class ModuleBoundaryRules {

    /** DESIGN.md, table "Modules", column "may use" (direct uses; "everything"/"every module" spelled out). */
    static final Map<String, Set<String>> DESIGN = design();

    private final String root;
    private final Map<String, Set<String>> allowedByDesign;
    private final Map<String, Set<String>> declaredInPoms;

    /**
     * @param root            the package that holds the modules ({@code omega})
     * @param allowedByDesign module → modules it may use (the design table)
     * @param declaredInPoms  module → modules its pom declares as dependencies ({@link MavenModuleDependencies})
     */
    ModuleBoundaryRules(String root, Map<String, Set<String>> allowedByDesign, Map<String, Set<String>> declaredInPoms) {
        this.root = root;
        this.allowedByDesign = Map.copyOf(allowedByDesign);
        this.declaredInPoms = Map.copyOf(declaredInPoms);
    }

    /** Every rule, for one {@code check}/{@code evaluate} each. */
    List<ArchRule> all() {
        return List.of(everyClassBelongsToAKnownModule(), otherModulesOnlyThroughTheirApi(), modulesAreFreeOfCycles(),
                modulesOnlyUseWhatTheDesignAllows(), modulesOnlyUseWhatTheirPomDeclares(), apiDoesNotUseInternals(),
                apiHoldsOnlyContractTypes());
    }

    /** No class outside a module: the root package itself and unknown modules escape every other rule. */
    ArchRule everyClassBelongsToAKnownModule() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("reside in " + root + ".<module>.. for a module of " + allowedByDesign.keySet()) {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String module = moduleOf(item);
                        if (module == null || !allowedByDesign.containsKey(module)) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " is in no known module ("
                                    + (module == null ? "root package" : "unknown module '" + module + "'") + ")"));
                        }
                    }
                })
                .as("every class under " + root + " belongs to a known module");
    }

    /** Rule 1: a class of module X uses a class of module Y (Y != X) only if it lies in {@code <root>.Y.api..}. */
    ArchRule otherModulesOnlyThroughTheirApi() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use other modules only through their " + root + ".<module>.api package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String from = moduleOf(item);
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            String to = moduleOf(target);
                            if (to != null && !to.equals(from) && !isApi(target, to)) {
                                events.add(SimpleConditionEvent.violated(dependency, "[" + from + " -> " + to + " outside "
                                        + root + "." + to + ".api] " + dependency.getDescription()));
                            }
                        }
                    }
                })
                .as("modules use each other only through " + root + ".<module>.api");
    }

    /** Rule 2: the module graph has no cycles (any length, any package of the module). */
    ArchRule modulesAreFreeOfCycles() {
        return slices().matching(root + ".(*)..").namingSlices("module $1").should().beFreeOfCycles()
                .as("modules under " + root + " are free of cycles");
    }

    /** Rule 3a: every module → module use in code is allowed by the design table. */
    ArchRule modulesOnlyUseWhatTheDesignAllows() {
        return moduleDependenciesWithin(allowedByDesign, "the DESIGN.md table")
                .as("modules under " + root + " only use modules the DESIGN.md table allows");
    }

    /** Rule 3b: every module → module use in code is declared as a Maven dependency in the user's pom. */
    ArchRule modulesOnlyUseWhatTheirPomDeclares() {
        return moduleDependenciesWithin(declaredInPoms, "its pom.xml")
                .as("modules under " + root + " only use modules their pom.xml declares");
    }

    /** api packages are contracts: they use no boundary/control/entity class (of their own module or any other). */
    ArchRule apiDoesNotUseInternals() {
        return noClasses().that().resideInAPackage(root + ".*.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".*.boundary..", root + ".*.control..", root + ".*.entity..")
                .as("api packages under " + root + " do not depend on boundary, control or entity packages");
    }

    /**
     * api packages hold records, interfaces, enums, annotations, exceptions, JPA converters and final classes
     * (value or constant holders); anything else (an open, non-converter class) is logic that belongs in control.
     */
    ArchRule apiHoldsOnlyContractTypes() {
        return classes().that().resideInAPackage(root + ".*.api..").and().areTopLevelClasses()
                .should(new ArchCondition<JavaClass>("be a record, interface, enum, annotation, exception, "
                        + "JPA converter or final class") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean contract = item.isRecord() || item.isInterface() || item.isEnum() || item.isAnnotation()
                                || item.isAssignableTo(Throwable.class)
                                || item.isAnnotatedWith("jakarta.persistence.Converter")
                                || item.getModifiers().contains(JavaModifier.FINAL);
                        if (!contract) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " is an open class in an api package (make it a record/interface/enum/final, "
                                    + "or move it to control)"));
                        }
                    }
                })
                .as("api packages under " + root + " hold only contract types");
    }

    /** The declared Maven module graph itself stays within the design table (a pom may not even declare an upward use). */
    List<String> pomDependenciesOutsideTheDesign() {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(declaredInPoms).forEach((module, uses) -> {
            Set<String> allowed = allowedByDesign.get(module);
            for (String use : new TreeSet<>(uses)) {
                if (allowed == null || !allowed.contains(use)) {
                    problems.add("pom of " + module + " declares omega-" + use + ", but DESIGN.md lets " + module
                            + " use only " + (allowed == null ? "nothing (unknown module)" : new TreeSet<>(allowed)));
                }
            }
        });
        return problems;
    }

    /** The module of a class: the first package segment under the root, or null outside the root's modules. */
    String moduleOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private boolean isApi(JavaClass target, String module) {
        String api = root + "." + module + ".api";
        String pkg = target.getPackageName();
        return pkg.equals(api) || pkg.startsWith(api + ".");
    }

    private ArchRule moduleDependenciesWithin(Map<String, Set<String>> allowed, String source) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use only modules " + source + " allows") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String from = moduleOf(item);
                        Set<String> mayUse = from == null ? Set.of() : allowed.getOrDefault(from, Set.of());
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            String to = moduleOf(dependency.getTargetClass().getBaseComponentType());
                            if (to != null && !to.equals(from) && !mayUse.contains(to)) {
                                events.add(SimpleConditionEvent.violated(dependency, "[" + from + " -> " + to
                                        + " not allowed by " + source + "; " + from + " may use " + new TreeSet<>(mayUse)
                                        + "] " + dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    private static Map<String, Set<String>> design() {
        Map<String, Set<String>> design = new LinkedHashMap<>();
        design.put("platform", Set.of());
        design.put("registries", Set.of("platform"));
        design.put("titans", Set.of("platform", "registries"));
        design.put("context", Set.of("platform"));
        design.put("connectors", Set.of("platform"));
        design.put("triage", Set.of("platform", "context", "titans", "registries"));
        design.put("shadow", Set.of("platform", "context", "titans", "triage"));
        design.put("federation", Set.of("platform", "connectors", "registries", "context", "titans", "triage", "shadow"));
        design.put("app", Set.of("platform", "connectors", "registries", "context", "titans", "triage", "shadow",
                "federation"));
        return Collections.unmodifiableMap(design);
    }
}
