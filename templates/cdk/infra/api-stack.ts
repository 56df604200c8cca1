/**
 * The HTTP API, built from the definition in src/api.ts: a JWT authorizer for the user pool on
 * every route, unauthenticated OPTIONS routes served by the preflight function, CORS from the
 * allowlist, one bundled function per handler, a throttled `$default` stage with access logs, and,
 * when a deployment gives one, a custom domain mapped to that stage.
 */
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  CorsHttpMethod,
  DomainName,
  EndpointType,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpStage,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { auth, cors, type Environment, preflight, routes, runtime, throttling } from '../src/api';
import { corsEnvironment } from '../src/lib/cors';

/**
 * The Lambda runtimes by name, mapped explicitly: looking the name up in `Runtime.ALL` finds
 * `NODEJS_LATEST` first, whose value moves with each CDK release.
 */
const LAMBDA_RUNTIMES: Record<string, Runtime> = {
  'nodejs24.x': Runtime.NODEJS_24_X,
  'nodejs22.x': Runtime.NODEJS_22_X,
};

/**
 * One JSON line per request: enough to tell why a call failed (the authorizer's and the
 * integration's messages, the status), never the token (no header, no claim).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  errorMessage: '$context.error.message',
};

/** A custom domain of one deployment: its host name and the ACM certificate that covers it. */
export interface CustomDomainProps {
  /** Host name, e.g. "api.example.com". */
  name: string;
  /** ARN of an ACM certificate covering `name`, in the stack's region: a regional domain takes no other. */
  certificateArn: string;
}

export interface ApiStackProps extends StackProps {
  /** The environment this stack deploys: its user pool, app client and browser origins (src/api.ts). */
  deployment: Environment;
  /** This deployment's custom domain; without one the API has its execute-api URL only. */
  domain?: CustomDomainProps;
}

export class ApiStack extends Stack {
  readonly api: HttpApi;
  private readonly deployment: Environment;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    this.deployment = deployment;

    // Issuer exactly the pool's, audience the app client id (it admits `aud` or `client_id`).
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
    const authorizer = new HttpJwtAuthorizer('CognitoJwt', deployment.issuer, {
      jwtAudience: [...deployment.audience],
      identitySource: [auth.identitySource],
    });

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'HTTP API behind a Cognito JWT authorizer',
      // The stage is added below: the one HttpApi creates takes neither access logs nor throttling.
      createDefaultStage: false,
      // API Gateway adds these headers to every response and ignores those the functions send.
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
      corsPreflight: {
        allowOrigins: [...deployment.allowOrigins],
        allowMethods: cors.allowMethods.map((method) => CorsHttpMethod[method as keyof typeof CorsHttpMethod]),
        allowHeaders: [...cors.allowHeaders],
        maxAge: Duration.seconds(cors.maxAge),
        allowCredentials: cors.allowCredentials,
      },
      defaultAuthorizer: authorizer,
      defaultAuthorizationScopes: auth.scopes.length > 0 ? [...auth.scopes] : undefined,
    });

    // The `$default` stage with auto-deploy (without one every request answers 404), under the id of
    // the one HttpApi would create, so that a deployed stage is updated in place.
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Both limits, always, and above 0: a limit of 0 answers every request with 429.
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
      throttle: { rateLimit: throttling.rateLimit, burstLimit: throttling.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT)),
      },
    });

    const functions = new Map<string, HttpLambdaIntegration>();
    const integrationOf = (handler: string) => {
      let integration = functions.get(handler);
      if (!integration) {
        const fn = this.handlerFunction(handler);
        // Payload format 2.0; the integration also grants API Gateway the invoke permission.
        integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
        functions.set(handler, integration);
      }
      return integration;
    };

    // Without an explicit HttpNoneAuthorizer the route would inherit the default one, and
    // preflights, which carry no token, would get a 401.
    // The empty scope list matters too: CDK otherwise copies defaultAuthorizationScopes onto
    // these NONE routes.
    for (const path of preflight.paths) {
      this.api.addRoutes({
        path,
        methods: [HttpMethod.OPTIONS],
        integration: integrationOf(preflight.handler),
        authorizer: new HttpNoneAuthorizer(),
        authorizationScopes: [],
      });
    }

    for (const route of routes) {
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.handler),
        authorizer,
        // Always given: a route's own empty list would otherwise take defaultAuthorizationScopes.
        authorizationScopes: [...(route.scopes ?? auth.scopes)],
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'AccessLogGroup', {
      value: accessLogs.logGroupName,
      description: 'Log group of the access logs: one JSON line per request',
    });
    if (props.domain) this.addCustomDomain(props.domain, stage);
  }

  /**
   * The custom domain: regional (an HTTP API has no edge-optimized one), TLS 1.2 at least, the
   * whole API mapped to its root. The execute-api URL keeps working beside it. The DNS record is
   * yours to create: an alias (or CNAME) of the domain to the CustomDomainTarget output.
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
   */
  private addCustomDomain(domain: CustomDomainProps, stage: HttpStage): void {
    const domainName = new DomainName(this, 'CustomDomain', {
      domainName: domain.name,
      certificate: Certificate.fromCertificateArn(this, 'CustomDomainCertificate', domain.certificateArn),
      endpointType: EndpointType.REGIONAL,
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    new ApiMapping(this, 'CustomDomainMapping', { api: this.api, domainName, stage });
    new CfnOutput(this, 'CustomDomainUrl', {
      value: `https://${domain.name}`,
      description: 'Base URL of the HTTP API at its custom domain, once DNS points there',
    });
    new CfnOutput(this, 'CustomDomainTarget', {
      value: domainName.regionalDomainName,
      description: 'Target of the DNS record of the custom domain (an alias, or a CNAME)',
    });
    new CfnOutput(this, 'CustomDomainHostedZoneId', {
      value: domainName.regionalHostedZoneId,
      description: 'Hosted zone id of the target, for a Route 53 alias record',
    });
  }

  /**
   * One function per handler file, bundled with the local esbuild devDependency (without it,
   * NodejsFunction bundles in Docker).
   * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_lambda_nodejs.NodejsFunction.html
   */
  private handlerFunction(handler: string): NodejsFunction {
    const id = `${handler[0]!.toUpperCase()}${handler.slice(1)}Function`;
    const lambdaRuntime = LAMBDA_RUNTIMES[runtime];
    if (!lambdaRuntime) {
      throw new Error(
        `Unknown Lambda runtime ${runtime} in src/api.ts. Expected one of: ${Object.keys(LAMBDA_RUNTIMES).join(', ')}`,
      );
    }
    const logGroup = new LogGroup(this, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Least privilege: the function may write its own logs and nothing else (the default role's
    // AWSLambdaBasicExecutionRole allows every log group of the account).
    const role = new Role(this, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    return new NodejsFunction(this, id, {
      description: `src/handlers/${handler}.ts`,
      entry: fileURLToPath(new URL(`../src/handlers/${handler}.ts`, import.meta.url)),
      handler: 'handler',
      runtime: lambdaRuntime,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: corsEnvironment({ ...cors, allowOrigins: this.deployment.allowOrigins }),
      role,
      logGroup,
      // esbuild targets the runtime's Node.js version.
      bundling: { minify: true, format: OutputFormat.ESM },
    });
  }
}
