// A small CDK app as a team would write it: a Fargate service behind an Application Load Balancer
// (scaled by Application Auto Scaling on CPU),
// with the deployment circuit breaker on (rollback), a container health check, a target group
// health check path, environment and secrets. The readers test runs `cdk synth` on it (offline,
// env-agnostic stack) and `deploysim init` reads the synthesised CloudFormation template.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const ecsPatterns = require('aws-cdk-lib/aws-ecs-patterns');
const ssm = require('aws-cdk-lib/aws-ssm');

const app = new cdk.App();
const stack = new cdk.Stack(app, 'OrdersStack');

const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: 'prod' });
const databaseUrl = ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'DatabaseUrl', {
  parameterName: '/orders/database-url',
});

const service = new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Orders', {
  cluster,
  serviceName: 'orders',
  desiredCount: 3,
  cpu: 512,
  memoryLimitMiB: 1024,
  minHealthyPercent: 50,
  maxHealthyPercent: 200,
  healthCheckGracePeriod: cdk.Duration.seconds(60),
  circuitBreaker: { rollback: true },
  taskImageOptions: {
    image: ecs.ContainerImage.fromRegistry('example/orders:2.0.0'),
    containerName: 'orders',
    containerPort: 8080,
    environment: { PORT: '8080', LOG_LEVEL: 'info' },
    secrets: { DATABASE_URL: ecs.Secret.fromSsmParameter(databaseUrl) },
  },
});

service.targetGroup.configureHealthCheck({
  path: '/health/ready',
  interval: cdk.Duration.seconds(15),
  healthyThresholdCount: 3,
  unhealthyThresholdCount: 2,
});
service.targetGroup.setAttribute('deregistration_delay.timeout_seconds', '30');

// The pattern has no option for a container health check; teams add it with an escape hatch.
service.taskDefinition.node.defaultChild.addPropertyOverride('ContainerDefinitions.0.HealthCheck', {
  Command: ['CMD-SHELL', 'curl -fs http://localhost:8080/health/live || exit 1'],
  Interval: 10,
  Timeout: 5,
  Retries: 3,
  StartPeriod: 30,
});

// Target tracking on the service's CPU, as teams add it to the pattern: Application Auto Scaling
// between 3 and 10 tasks at 60 % CPU (a ScalableTarget and a TargetTrackingScaling policy).
const scaling = service.service.autoScaleTaskCount({ minCapacity: 3, maxCapacity: 10 });
scaling.scaleOnCpuUtilization('Cpu', {
  targetUtilizationPercent: 60,
  scaleOutCooldown: cdk.Duration.seconds(60),
  scaleInCooldown: cdk.Duration.seconds(300),
});

app.synth();
