import 'reflect-metadata';
import { runApp } from '@hop-luu/platform';
import { harvesterApp } from './harvester.app';

void runApp(harvesterApp);
