// The script-tag bundle puts the SDK's main entry on window.
import type * as DashboardAppSdk from '@bevatel/dashboard-app-sdk';

declare global {
  interface Window {
    BevatelDashboardApp: typeof DashboardAppSdk;
  }
}
