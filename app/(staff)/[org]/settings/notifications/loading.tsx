export { SettingsSkeleton as default } from '../settings-skeleton'
