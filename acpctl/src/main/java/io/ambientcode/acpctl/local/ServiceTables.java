package io.ambientcode.acpctl.local;

import io.ambientcode.acpctl.output.Table;
import java.util.List;

/** Local services as a table. */
final class ServiceTables {

    private ServiceTables() {
    }

    static Table services(List<ServiceState> states) {
        Table t = Table.of("SERVICE", "STATE", "URL", "PID", "LOG");
        states.forEach(s -> t.row(s.name(), s.state(), s.url(), s.pid(), s.log()));
        return t;
    }
}
