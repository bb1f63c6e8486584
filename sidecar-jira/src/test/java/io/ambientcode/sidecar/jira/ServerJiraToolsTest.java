package io.ambientcode.sidecar.jira;

import io.ambientcode.sidecar.jira.support.JiraWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link JiraToolsContract} with a Jira Server/DC credential: a PAT without email, Bearer, {@code /rest/api/2}. */
@QuarkusTest
@QuarkusTestResource(value = JiraWorld.class, restrictToAnnotatedClass = false)
class ServerJiraToolsTest extends JiraToolsContract {

    @Override
    boolean cloud() {
        return false;
    }
}
