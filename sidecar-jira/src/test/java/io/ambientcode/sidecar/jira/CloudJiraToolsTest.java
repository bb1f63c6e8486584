package io.ambientcode.sidecar.jira;

import io.ambientcode.sidecar.jira.support.JiraWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link JiraToolsContract} with a Jira Cloud credential: email + API token, Basic auth, {@code /rest/api/3}, ADF. */
@QuarkusTest
@QuarkusTestResource(value = JiraWorld.class, restrictToAnnotatedClass = false)
class CloudJiraToolsTest extends JiraToolsContract {

    @Override
    boolean cloud() {
        return true;
    }
}
