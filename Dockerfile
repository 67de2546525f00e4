# Multi-stage build. CPU image by default; for NVIDIA GPUs:
#   docker build --build-arg BACKEND=cuda -t gan-service:cuda .
ARG BACKEND=cpu

FROM maven:3.9-eclipse-temurin-17 AS build
ARG BACKEND
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -P${BACKEND} dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -P${BACKEND} -DskipTests package && cp target/gan-service-*.jar /app.jar

FROM eclipse-temurin:17-jre AS runtime-cpu

# ND4J's CUDA 11.6 build needs the CUDA 11.6 runtime and cuDNN 8 libraries.
FROM nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04 AS runtime-cuda
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*

FROM runtime-${BACKEND}
RUN useradd --system --create-home gan
WORKDIR /home/gan
COPY --from=build /app.jar app.jar
USER gan
EXPOSE 8080
# Memory set explicitly, for a container of 16 GiB or more (smaller: lower all three):
# the heap (API, uploads being decoded, models being saved), ND4J's native arrays (JavaCPP's
# tracked allocations) and the whole process. A job whose model would not fit is refused at
# submit (gan.jobs.max-parameters, sized to the heap); an OutOfMemoryError still exits the
# process, whose jobs resume from their checkpoints when it restarts.
ENV GAN_HEAP=4g GAN_NATIVE=6g GAN_PROCESS=12g
# In a container the service listens on the network, so it runs with API keys:
# docker run -e GAN_SECURITY_ADMIN_KEY=... (docs/operations.md, "API keys and roles").
ENV GAN_SECURITY_MODE=keys
ENTRYPOINT ["sh", "-c", "exec java -Xmx$GAN_HEAP -Dorg.bytedeco.javacpp.maxbytes=$GAN_NATIVE -Dorg.bytedeco.javacpp.maxphysicalbytes=$GAN_PROCESS -XX:+ExitOnOutOfMemoryError -jar app.jar"]
