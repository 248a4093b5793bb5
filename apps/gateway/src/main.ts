import 'reflect-metadata';
import { runApp } from '@hop-luu/platform';
import { gatewayApp } from './gateway.app';

void runApp(gatewayApp);
