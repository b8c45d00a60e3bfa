export {
  monitorOnce,
  type MonitorAlarm,
  type MonitorAlarmKind,
  type MonitorOptions,
  type MonitorResult,
} from './monitor.js'
export { readMonitorState, writeMonitorState, type MonitorState } from './monitor-state.js'
