package io.ambientcode.credentialapi.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The one active datasource (PostgreSQL in clusters, embedded H2 for local runs; both are defined at build time and
 * configuration activates exactly one, so the same Flyway migrations run on either) and explicit transactions on it.
 * Plain JDBC: every statement is visible in the store classes, nothing is generated.
 */
@ApplicationScoped
public class Database {

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    private AgroalDataSource dataSource;

    @PostConstruct
    void init() {
        dataSource = dataSources.getActive();
    }

    /** Runs the work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction(work, e -> null);
    }

    /**
     * Runs the work in one transaction; a {@link SQLException} (from the work or the commit) is offered to
     * {@code translate}, which may turn it into a domain error (e.g. a unique violation into a 409); otherwise it
     * becomes a {@link StoreException}.
     */
    public <T> T inTransaction(SqlWork<T> work, Function<SQLException, RuntimeException> translate) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            RuntimeException translated = translate.apply(e);
            throw translated != null ? translated : new StoreException(e);
        }
    }

    /** Runs read-only work with auto-commit. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
