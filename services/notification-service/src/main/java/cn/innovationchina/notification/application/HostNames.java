package cn.innovationchina.notification.application;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, the one place webhook targets get their addresses from (the JVM's resolver by default). */
public interface HostNames {

    InetAddress[] resolve(String host) throws UnknownHostException;
}
