package io.ambientcode.sidecar.github;

import static io.ambientcode.sidecar.github.support.GitHubWorld.gitRoot;
import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.github.support.GitRepos;
import io.ambientcode.sidecar.github.support.RunnerGit;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3: the real git client, configured like a runner (insteadOf rewrite through GIT_CONFIG_*, no credential
 * helper, no token), clones, fetches and pushes through the proxy against a git host that demands the token.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
class GitProxyTest extends SidecarQuarkusTestBase {

    final List<GitRepos.Run> runs = new ArrayList<>();

    GitRepos.Run git(RunnerGit runner, Path dir, String... args) throws Exception {
        GitRepos.Run run = runner.git(dir, args);
        runs.add(run);
        return run;
    }

    @Test
    void cloneFetchAndPushANewBranchWithoutTheRunnerSeeingTheToken() throws Exception {
        RunnerGit runner = new RunnerGit(base.getPort());
        Path work = Files.createTempDirectory("runner");
        git(runner, work, "clone", "-q", "https://github.com/acme/widgets.git", "w");
        Path repo = work.resolve("w");
        assertThat(Files.readString(repo.resolve("README.md"))).isEqualTo("# widgets\n");

        Files.writeString(repo.resolve("feature.txt"), "new work\n");
        git(runner, repo, "checkout", "-q", "-b", "feature-1");
        git(runner, repo, "add", ".");
        git(runner, repo, "commit", "-q", "-m", "feature");
        git(runner, repo, "push", "-q", "origin", "feature-1");
        String pushed = GitRepos.run(gitRoot.resolve("acme/widgets.git"), Map.of(), "git", "rev-parse", "feature-1").output().strip();
        String local = GitRepos.run(repo, Map.of(), "git", "rev-parse", "HEAD").output().strip();
        assertThat(pushed).isEqualTo(local);

        // Someone else pushes to main; the runner fetches it through the proxy.
        Path other = Files.createTempDirectory("other");
        GitRepos.run(other, Map.of(), "git", "clone", "-q", gitRoot.resolve("acme/widgets.git").toString(), "o");
        Files.writeString(other.resolve("o/CHANGELOG"), "v2\n");
        GitRepos.run(other.resolve("o"), Map.of(), "git", "add", ".");
        GitRepos.run(other.resolve("o"), Map.of(), "git", "-c", "user.name=o", "-c", "user.email=o@example.com", "commit", "-q", "-m", "v2");
        GitRepos.run(other.resolve("o"), Map.of(), "git", "push", "-q", "origin", "main");
        git(runner, repo, "fetch", "-q", "origin");
        assertThat(git(runner, repo, "log", "--oneline", "origin/main").output()).contains("v2");

        // Nothing the runner's git had or left behind holds a secret.
        GitRepos.Run config = git(runner, repo, "config", "--list", "--show-origin");
        assertThat(config.output()).contains("insteadof=https://github.com/");
        String gitDir = Files.readString(repo.resolve(".git/config"));
        for (String secret : GitHubWorld.SECRETS) {
            for (GitRepos.Run run : runs) {
                assertThat(String.join(" ", run.argv())).doesNotContain(secret);
                assertThat(run.env().toString()).doesNotContain(secret);
                assertThat(run.output()).doesNotContain(secret);
            }
            assertThat(gitDir).doesNotContain(secret);
        }
        assertThat(runs.get(0).env()).doesNotContainKeys("GITHUB_TOKEN", "GH_TOKEN", "GIT_ASKPASS");
    }

    @Test
    void aTwentyMegabytePushStreamsThroughWithoutHeapGrowth() throws Exception {
        RunnerGit runner = new RunnerGit(base.getPort());
        Path work = Files.createTempDirectory("runner");
        git(runner, work, "clone", "-q", "https://github.com/acme/widgets.git", "w");
        Path repo = work.resolve("w");
        byte[] chunk = new byte[1 << 20];
        Random random = new Random();
        try (OutputStream out = Files.newOutputStream(repo.resolve("big.bin"))) {
            for (int i = 0; i < 20; i++) {
                random.nextBytes(chunk); // incompressible: the pack is about 20 MB
                out.write(chunk);
            }
        }
        git(runner, repo, "checkout", "-q", "-b", "big");
        git(runner, repo, "add", ".");
        git(runner, repo, "commit", "-q", "-m", "big");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean pushing = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (pushing.get()) {
                System.gc(); // live data only: a buffered pack would be live while it is forwarded
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            git(runner, repo, "push", "-q", "origin", "big");
        } finally {
            pushing.set(false);
            sampler.join();
        }
        long growth = peak.get() - baseline;
        System.out.printf("20 MB push: retained heap growth %.1f MB (baseline %.1f MB)%n", growth / 1e6, baseline / 1e6);
        assertThat(growth).as("retained heap growth during a 20 MB push").isLessThan(5_000_000L);
        String pushed = GitRepos.run(gitRoot.resolve("acme/widgets.git"), Map.of(), "git", "rev-parse", "big").output().strip();
        assertThat(pushed).isEqualTo(GitRepos.run(repo, Map.of(), "git", "rev-parse", "HEAD").output().strip());
    }

    @Test
    void theProxyIsNotAnOpenProxy() {
        String b = baseUrl();
        for (String path : List.of("/git/acme/widgets.git/objects/info/packs", "/git/acme/widgets.git/HEAD",
                "/git/../etc/passwd/info/refs?service=git-upload-pack", "/git/acme/../../x.git/git-upload-pack",
                "/git/http:%2F%2Fevil.example/x.git/info/refs?service=git-upload-pack",
                "/git/acme/widgets.git/info/refs", "/git/acme/widgets.git/info/refs?service=git-archive")) {
            RestAssured.given().baseUri(b).urlEncodingEnabled(false).get(path).then().statusCode(404);
        }
        RestAssured.given().baseUri(b).get("/git/acme/widgets.git/git-upload-pack").then().statusCode(404);
    }

    @Test
    void upstreamErrorsArriveAsGitProtocolErrors() throws Exception {
        RunnerGit runner = new RunnerGit(base.getPort());
        Path work = Files.createTempDirectory("runner");
        Map<String, String> env = new java.util.HashMap<>(runner.env());
        env.put("ALLOW_FAILURE", "1");
        GitRepos.Run run = GitRepos.run(work, env, "git", "clone", "-q", "https://github.com/acme/missing.git", "m");
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("remote error: repository not found on the git host, or no access (404)")
                .doesNotContain("Username");
    }
}
