package omega.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Which OMEGA modules each Maven module declares as dependencies: every {@code <modules-dir>/<dir>/pom.xml}
 * whose artifactId is {@code omega-<module>}, and in it the project's own {@code <dependencies>} (not
 * dependencyManagement, not plugin dependencies) on {@code omega:omega-<module>} outside test scope.
 */
final class MavenModuleDependencies {

    private static final String GROUP = "omega";
    private static final String PREFIX = "omega-";

    private MavenModuleDependencies() {
    }

    /** The modules folder, from the surefire working directory (modules/app) or from the repository root. */
    static Path modulesDir() {
        Path here = Path.of("").toAbsolutePath().normalize();
        for (Path candidate : List.of(here.resolve(".."), here.resolve("modules"), here.resolve("../modules"))) {
            Path dir = candidate.normalize();
            if (Files.isRegularFile(dir.resolve("app/pom.xml")) && Files.isRegularFile(dir.resolve("platform/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the modules folder (with app/pom.xml, platform/pom.xml) from " + here);
    }

    /** module → modules its pom declares, for every module pom under {@code modulesDir}. */
    static Map<String, Set<String>> read(Path modulesDir) {
        Map<String, Set<String>> declared = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(modulesDir)) {
            for (Path pom : dirs.map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile).sorted().toList()) {
                Element project = parse(pom);
                String artifactId = childText(project, "artifactId");
                if (artifactId == null || !artifactId.startsWith(PREFIX)) {
                    throw new IllegalStateException(pom + ": artifactId " + artifactId + " is not " + PREFIX + "<module>");
                }
                declared.put(artifactId.substring(PREFIX.length()), moduleDependencies(project));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + modulesDir, e);
        }
        return declared;
    }

    private static Set<String> moduleDependencies(Element project) {
        Set<String> modules = new TreeSet<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                String groupId = childText(dependency, "groupId");
                String artifactId = childText(dependency, "artifactId");
                boolean ourGroup = GROUP.equals(groupId) || "${project.groupId}".equals(groupId);
                if (ourGroup && artifactId != null && artifactId.startsWith(PREFIX)
                        && !"test".equals(childText(dependency, "scope"))) {
                    modules.add(artifactId.substring(PREFIX.length()));
                }
            }
        }
        return modules;
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + pom, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
