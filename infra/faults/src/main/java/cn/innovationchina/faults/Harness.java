package cn.innovationchina.faults;

import java.net.http.HttpClient;
import java.util.Map;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.demo.Platform;
import cn.innovationchina.load.ConsumerLag;
import cn.innovationchina.load.Observations;

/**
 * What every scenario works with: the fault stack and the clients that watch it (HTTP, the stores, the broker, the
 * consumers' lag, what the event probe observed), tokens, and the load's enterprises with their tokens.
 */
record Harness(DevStack stack, HttpClient http, Observations seen, Effects effects, ConsumerLag lag, Brokers brokers,
        Platform platform, DevTokens tokens, Map<String, String> enterpriseTokens) {

    Harness {
        enterpriseTokens = Map.copyOf(enterpriseTokens);
    }
}
