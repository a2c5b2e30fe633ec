package cn.innovationchina.devstack.ports;

import java.util.Map;

/**
 * Where the devstack's services listen: fixed ports, so URLs in the README and the guides stay true, moved together
 * by the port base ({@code --port-base N} moves every port by N - 8080: a second stack on one machine, or a test).
 * The launcher and the demo loader both read this table, and it reads neither.
 */
public final class Ports {

    /** The gateway's port, from which the others count. */
    public static final int DEFAULT_PORT_BASE = 8080;

    /** A further instance of a service listens this many ports above the first. */
    public static final int INSTANCE_PORT_STEP = 100;

    /** A service not in the table gets the next free port from this far above the base. */
    public static final int FIRST_UNLISTED_OFFSET = 10;

    private static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "gateway", 8080, "demand-service", 8081, "expert-service", 8082, "matching-service", 8083,
            "notification-service", 8084, "monitoring-service", 8085);

    /** Keycloak's port ({@code devstack up --keycloak}), the one docker-compose publishes it on. */
    private static final int KEYCLOAK_PORT = 8180;

    private Ports() {
    }

    /** Where Keycloak listens on a stack with this port base. */
    public static int keycloak(int portBase) {
        return KEYCLOAK_PORT - DEFAULT_PORT_BASE + portBase;
    }

    /** Whether the service has a fixed port in the table. */
    public static boolean listed(String service) {
        return SERVICE_PORTS.containsKey(service);
    }

    /** The listed service's port on a stack with this port base. */
    public static int of(String service, int portBase) {
        Integer port = SERVICE_PORTS.get(service);
        if (port == null) {
            throw new IllegalArgumentException("No fixed port for " + service + "; there are "
                    + SERVICE_PORTS.keySet());
        }
        return port - DEFAULT_PORT_BASE + portBase;
    }

    /** Where instance {@code n} (1 is the first) of a service whose first instance listens on {@code port} listens. */
    public static int ofInstance(int port, int n) {
        return port + (n - 1) * INSTANCE_PORT_STEP;
    }
}
