package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem code the sources can answer is documented, with the status it comes with, and no other. */
class ProblemTypesTest {

    /** A problem built with a literal code: new Problem(409, "CODE", ...), new ProblemException(...), notFound("CODE"). */
    private static final Pattern CONSTRUCTED = Pattern.compile(
            "(?:new\\s+Problem\\s*\\(|new\\s+ProblemException\\s*\\(|notFound\\s*\\(|\\brefusal\\s*\\()\\s*"
                    + "(?:(\\d{3})|[a-z][A-Za-z.()]*)?\\s*,?\\s*\"([A-Z][A-Z0-9_]+)\"");

    @Test
    void everyCodeTheSourcesAnswerIsDocumentedWithItsStatus() throws IOException {
        List<String> undocumented = new ArrayList<>();
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CONSTRUCTED.matcher(Files.readString(file));
                while (m.find()) {
                    String code = m.group(2);
                    raised.add(code);
                    var type = ProblemTypes.ofCode(code);
                    if (type.isEmpty()) {
                        undocumented.add(code + " (" + file.getFileName() + ")");
                    } else if (m.group(1) != null && !type.get().statuses().contains(Integer.parseInt(m.group(1)))) {
                        undocumented.add(code + " with status " + m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(undocumented).as("codes missing from ProblemTypes").isEmpty();
        // And the other way round: every documented code is one the sources raise.
        assertThat(raised).as("codes the sources raise")
                .containsExactlyInAnyOrderElementsOf(ProblemTypes.all().stream().map(ProblemTypes.Type::code).toList());
    }

    @Test
    void everyTypeHasItsOwnUriAndDescription() {
        assertThat(ProblemTypes.all()).extracting(ProblemTypes.Type::uri).doesNotHaveDuplicates();
        assertThat(ProblemTypes.all()).allSatisfy(type -> {
            assertThat(type.description()).isNotBlank();
            assertThat(type.statuses()).isNotEmpty().allMatch(s -> s >= 400 && s < 600);
            assertThat(ProblemTypes.ofSlug(type.uri().substring("/problems/".length()))).contains(type);
            Problem problem = new Problem(type.statuses().get(0), type.code(), "a title of its own", "x", null, null);
            assertThat(problem.type).isEqualTo(type.uri());
            // One title per type, whatever a caller writes.
            assertThat(problem.title).isEqualTo(type.title());
        });
    }
}
