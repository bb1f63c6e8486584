package io.ambientcode.acpctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ambientcode.acpctl.support.CliTestBase;
import io.ambientcode.acpctl.support.Run;
import io.ambientcode.acpctl.support.TestWorld;
import io.ambientcode.contracts.local.LocalLayout;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** {@code acpctl config}: contexts, defaults from LocalLayout, the config file's location and mode. */
@QuarkusTest
class ConfigCommandsTest extends CliTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void withoutAConfigFileThereIsTheLocalContext() throws Exception {
        Run table = cli.run("config", "get-contexts");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).isEqualTo("""
                CURRENT   NAME    TYPE    CREDENTIAL-API          KUBE-CONTEXT   NAMESPACE   USER
                *         local   local   http://127.0.0.1:8181   -              -           -
                """);
        assertThat(Files.exists(world.configFile)).as("reading never writes").isFalse();

        JsonNode view = JSON.readTree(cli.run("config", "view", "-o", "json").out());
        assertThat(view.path("name").asText()).isEqualTo("local");
        assertThat(view.path("current").asBoolean()).isTrue();
        assertThat(view.path("credential_api_url").asText()).isEqualTo(LocalLayout.url(LocalLayout.CREDENTIAL_API_PORT));
        assertThat(view.path("control_plane_url").asText()).isEqualTo(LocalLayout.url(LocalLayout.CONTROL_PLANE_PORT));
        assertThat(view.path("data_dir").asText()).isEqualTo(world.home.resolve(LocalLayout.DEFAULT_DATA_DIR_NAME).toString());
        assertThat(view.path("platform_admin_group").asText()).isEqualTo("ambient:platform-admins");
    }

    @Test
    void dataDirFollowsTheAmbientDataDirVariable() throws Exception {
        world.env.set(LocalLayout.DATA_DIR_ENV, tmp.resolve("elsewhere").toString());
        JsonNode view = JSON.readTree(cli.run("config", "view", "-o", "json").out());
        assertThat(view.path("data_dir").asText()).isEqualTo(tmp.resolve("elsewhere").toString());
    }

    @Test
    void clusterContextIsSavedWithMode0600AndBecomesCurrentOnUse() throws Exception {
        Run set = cli.run("config", "set", "prod", "--credential-api-url", "https://ambient.example.com",
                "--kube-context", "prod-admin", "--namespace", "team-a", "--kubeconfig", "kube/config", "-o", "json");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        JsonNode saved = JSON.readTree(set.out());
        assertThat(saved.path("type").asText()).isEqualTo("cluster");
        assertThat(saved.path("current").asBoolean()).isFalse();
        assertThat(saved.path("kubeconfig").asText()).as("stored absolute").startsWith("/").endsWith("kube/config");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(world.configFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(world.configFile.getParent())))
                .isEqualTo("rwx------");
        JsonNode file = YAML.readTree(world.configText());
        assertThat(file.path("current-context").asText()).isEqualTo("local");
        assertThat(file.path("contexts").path("prod").path("credential-api-url").asText()).isEqualTo("https://ambient.example.com");

        Run use = cli.run("config", "use", "prod");
        assertThat(use.exitCode()).isZero();
        assertThat(use.out()).isEqualTo("current-context:   prod\n");
        Run contexts = cli.run("config", "get-contexts");
        assertThat(contexts.out()).contains("*         prod    cluster   https://ambient.example.com   prod-admin     team-a");

        Run view = cli.run("config", "view");
        assertThat(view.out()).contains("name:                   prod (current)", "namespace:              team-a",
                "config-file:            " + world.configFile);
        Run yaml = cli.run("config", "view", "-o", "yaml");
        assertThat(YAML.readTree(yaml.out()).path("kube_context").asText()).isEqualTo("prod-admin");

        Run clear = cli.run("config", "set", "prod", "--namespace", "", "-o", "json");
        assertThat(JSON.readTree(clear.out()).has("namespace")).as("empty value removes a setting").isFalse();
    }

    @Test
    void badSettingsAreUsageErrors() {
        Run plainHttp = cli.run("config", "set", "prod", "--credential-api-url", "http://ambient.example.com");
        assertThat(plainHttp.exitCode()).isEqualTo(2);
        // The rule is contracts' UrlPolicy (its wording may evolve): plain http only to loopback.
        assertThat(plainHttp.err()).startsWith("error: --credential-api-url must use https")
                .endsWith(": http://ambient.example.com\n");
        assertThat(plainHttp.err().lines()).hasSize(1);

        Run userInfo = cli.run("config", "set", "prod", "--credential-api-url", "https://user:" + TestWorld.secret("pw") + "@h");
        assertThat(userInfo.exitCode()).isEqualTo(2);
        assertThat(userInfo.err()).isEqualTo("error: --credential-api-url must not contain user information\n");

        Run wrongKind = cli.run("config", "set", "local", "--kube-context", "x");
        assertThat(wrongKind.exitCode()).isEqualTo(2);
        assertThat(wrongKind.err()).isEqualTo("error: --kube-context applies only to cluster contexts\n");

        Run localStaysLocal = cli.run("config", "set", "local", "--type", "cluster");
        assertThat(localStaysLocal.exitCode()).isEqualTo(2);

        Run badName = cli.run("config", "set", "no/slash", "--credential-api-url", "https://a.example.com");
        assertThat(badName.exitCode()).isEqualTo(2);

        Run badNamespace = cli.run("config", "set", "prod", "--namespace", "Team_A");
        assertThat(badNamespace.exitCode()).isEqualTo(2);
        assertThat(Files.exists(world.configFile)).as("nothing saved on errors").isFalse();
    }

    @Test
    void unknownContextIsNotFound() {
        Run use = cli.run("config", "use", "nope");
        assertThat(use.exitCode()).isEqualTo(4);
        assertThat(use.err()).isEqualTo("error: no context named nope (see: acpctl config get-contexts)\n");
        Run list = cli.run("credential", "list", "--context", "nope");
        assertThat(list.exitCode()).isEqualTo(4);
    }

    @Test
    void aBrokenConfigFileIsReportedWithoutQuotingIt() throws Exception {
        String secret = TestWorld.secret("ghp_");
        Files.createDirectories(world.configFile.getParent());
        Files.writeString(world.configFile, "contexts:\n  local: [\n    token: " + secret + "\n  }\n");
        Run r = cli.run("config", "get-contexts");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: cannot read config file " + world.configFile + ": not a valid acpctl config at line")
                .doesNotContain(secret);
    }

    @Test
    void configFileLocationHonoursXdgWhenAcpctlConfigIsUnset() throws Exception {
        world.env.set("ACPCTL_CONFIG", null).set("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        assertThat(cli.run("config", "set", "prod", "--credential-api-url", "https://a.example.com").exitCode()).isZero();
        assertThat(tmp.resolve("xdg/acpctl/config.yaml")).exists();
        world.env.set("XDG_CONFIG_HOME", null);
        assertThat(cli.run("config", "set", "prod2", "--credential-api-url", "https://a.example.com").exitCode()).isZero();
        assertThat(world.home.resolve(".config/acpctl/config.yaml")).exists();
    }
}
