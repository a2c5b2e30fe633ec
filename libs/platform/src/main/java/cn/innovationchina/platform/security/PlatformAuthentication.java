package cn.innovationchina.platform.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated call: the {@link PlatformUser} as principal, its role as the one authority. */
public class PlatformAuthentication extends AbstractAuthenticationToken {

    private final PlatformUser user;
    private final Jwt token;

    public PlatformAuthentication(PlatformUser user, Jwt token) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public PlatformUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return user.subject();
    }
}
