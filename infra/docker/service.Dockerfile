# One image recipe for every service: docker compose passes SERVICE (the folder name under services/).
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -pl services/${SERVICE} -am -DskipTests package \
 && cp services/${SERVICE}/target/${SERVICE}-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app.jar /app/app.jar
USER 1000
EXPOSE 8080
# Netty's pooled allocator: its default (adaptive) one released a refused request body's memory twice (ADR 0050).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dio.netty.allocator.type=pooled", "-jar", "/app/app.jar"]
