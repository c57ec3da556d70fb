# BatchSync: one image for the run job and its array children on AWS Batch (Fargate).
# Build:  docker build -t batchsync .
# Run:    docker run --rm batchsync run <workflow>      (workflows/ is baked into the image)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first so the package layer is cached while only sources change.
COPY global.json BatchSync.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/BatchSync/BatchSync.csproj src/BatchSync/
COPY src/BatchSync.Core/BatchSync.Core.csproj src/BatchSync.Core/
COPY src/BatchSync.MySql/BatchSync.MySql.csproj src/BatchSync.MySql/
COPY src/BatchSync.BigQuery/BatchSync.BigQuery.csproj src/BatchSync.BigQuery/
COPY src/BatchSync.DuckDb/BatchSync.DuckDb.csproj src/BatchSync.DuckDb/
COPY src/BatchSync.Aws/BatchSync.Aws.csproj src/BatchSync.Aws/
RUN dotnet restore src/BatchSync/BatchSync.csproj -r linux-x64
COPY src/ src/
RUN dotnet publish src/BatchSync/BatchSync.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# tzdata: IANA zones for `timezone:` settings; ca-certificates: TLS to RDS, S3, Secrets Manager and BigQuery.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /batchsync
COPY --from=build /app /opt/batchsync
COPY workflows/ workflows/
USER app
ENV DOTNET_gcServer=0 \
    DOTNET_TieredPGO=1
ENTRYPOINT ["/opt/batchsync/batchsync"]
CMD ["--help"]
