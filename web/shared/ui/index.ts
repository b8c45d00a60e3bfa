// Tokens first, so every component stylesheet can rely on them and override base rules.
import './tokens.css'

export { Alert, type AlertProps } from './alert.js'
export { AppShell, type AppShellProps, type NavGroup, type NavItem } from './app-shell.js'
export { BrandMark } from './brand-mark.js'
export { Button, type ButtonProps } from './button.js'
export { Card, type CardProps } from './card.js'
export { EmptyState, type EmptyStateProps } from './empty-state.js'
export { Icon, type IconName } from './icons.js'
export { LanguagePicker } from './language-picker.js'
export { PageHeader, type PageHeaderProps } from './page-header.js'
export { Spinner } from './spinner.js'
export { TextField, type TextFieldProps } from './text-field.js'
