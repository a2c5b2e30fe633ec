package cn.innovationchina.notification.application;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/** The JVM's resolver: the system's DNS and hosts file. */
@Component
class SystemHostNames implements HostNames {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
