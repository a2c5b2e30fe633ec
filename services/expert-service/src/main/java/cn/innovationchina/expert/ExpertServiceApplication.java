package cn.innovationchina.expert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ExpertServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExpertServiceApplication.class, args);
    }
}
