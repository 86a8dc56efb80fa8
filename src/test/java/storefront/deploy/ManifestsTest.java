package storefront.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests in deploy/k8s, as a cluster would get them: each
 * overlay rendered by kustomize (kubectl kustomize), every object read into the
 * Kubernetes API's own types (fabric8 kubernetes-model), refusing any field the
 * API does not know, then checked for what a regional deployment needs.
 */
class ManifestsTest {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu", "asia"})
    void eachRegionRendersToObjectsTheApiAcceptsWithWhatARegionNeeds(String region) throws Exception {
        List<HasMetadata> objects = strict(kustomize("deploy/k8s/overlays/" + region));
        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder(
                "ConfigMap", "Service", "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler");
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .isEqualTo("storefront-" + region));

        ConfigMap config = one(objects, ConfigMap.class);
        assertThat(config.getData()).containsKeys("DB_HOST", "DB_NAME", "SERVED_REGIONS", "CORS_ORIGINS",
                "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "SELLER_SIGNING_KEY_LOCATION");
        assertThat(config.getData().get("DB_HOST")).contains(region);
        assertThat(config.getData()).doesNotContainKeys("DB_PASSWORD", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET");

        Deployment deployment = one(objects, Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container api = pod.getContainers().get(0);
        assertThat(api.getImage()).contains("/storefront:");
        assertThat(api.getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo(config.getMetadata().getName()));
        // Secrets come from Secrets: the database's, and this region's own Stripe account.
        assertThat(secretOf(api, "DB_PASSWORD")).isEqualTo("storefront-db");
        assertThat(secretOf(api, "STRIPE_SECRET_KEY")).isEqualTo("stripe-account-" + region);
        assertThat(secretOf(api, "STRIPE_WEBHOOK_SECRET")).isEqualTo("stripe-account-" + region);
        assertThat(api.getEnv()).allSatisfy(env -> assertThat(env.getValue()).as(env.getName()).isNull());

        assertThat(path(api.getReadinessProbe())).isEqualTo("/q/health/ready");
        assertThat(path(api.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(path(api.getStartupProbe())).isEqualTo("/q/health/started");
        assertThat(api.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(api.getResources().getLimits()).containsKey("memory");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(api.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getTerminationGracePeriodSeconds()).as("longer than the app's shutdown delay and timeout")
                .isGreaterThan(25);

        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(one(objects, Service.class).getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(
                one(objects, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFieldTheApiDoesNotKnowIsRefused() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: api
                          image: storefront
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """;
        assertThat(unknownFields(typo)).containsExactly("Deployment x: spec.template.spec.containers[0].readinesProbe");
    }

    /** The objects of a multi-document YAML stream; fails on any field their API types do not have. */
    private static List<HasMetadata> strict(String yaml) throws IOException {
        List<String> unknown = unknownFields(yaml);
        assertThat(unknown).as("fields the Kubernetes API does not know").isEmpty();
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode node : documents(yaml)) {
            objects.add(JSON.treeToValue(node, type(node)));
        }
        return objects;
    }

    private static List<String> unknownFields(String yaml) {
        List<String> unknown = new ArrayList<>();
        try {
            for (JsonNode node : documents(yaml)) {
                HasMetadata object = JSON.treeToValue(node, type(node));
                collectUnknown(object, object.getKind() + " " + object.getMetadata().getName() + ": ", "",
                        unknown, new IdentityHashMap<>());
            }
        } catch (IOException e) {
            throw new AssertionError("not YAML of Kubernetes objects: " + e.getMessage(), e);
        }
        return unknown;
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    nodes.add(node);
                }
            });
        }
        return nodes;
    }

    private static Class<? extends HasMetadata> type(JsonNode node) {
        String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new AssertionError("no check for objects of " + key + "; add it to ManifestsTest.KINDS");
        }
        return type;
    }

    /** Fields read into additionalProperties are fields the API type does not declare. */
    private static void collectUnknown(Object value, String prefix, String path, List<String> unknown,
                                       Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, prefix, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, prefix, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(k -> unknown.add(prefix + (path.isEmpty() ? "" : path.substring(1) + ".") + k));
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            collectUnknown(child, prefix, path + "." + name, unknown, seen);
        }
    }

    private static String kustomize(String dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl (1.27 or later, for kustomize v5) is needed to render deploy/k8s; "
                    + "see deploy/README.md", e);
        }
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        process.getErrorStream().transferTo(err);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + dir + ": " + err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static <T> T one(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> {
            throw new AssertionError("more than one " + type.getSimpleName());
        }).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }

    private static String secretOf(Container container, String variable) {
        EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(variable + " is not set"));
        return env.getValueFrom().getSecretKeyRef().getName();
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

}
