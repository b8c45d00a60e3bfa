import { useId } from 'react'
import type { InputHTMLAttributes, Ref } from 'react'
import './text-field.css'

/** Props of `TextField`: a native input with its label, an optional hint and error. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string
  hint?: string
  /** Shown under the input, announced politely, and marks the input invalid. */
  error?: string | undefined
  ref?: Ref<HTMLInputElement>
}

/** A labelled text input; hint and error are tied to it with `aria-describedby`. */
export function TextField({ label, hint, error, ref, className, ...input }: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ')
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <p className="field__error" id={errorId} aria-live="polite">
        {error ? (
          <>
            <svg viewBox="0 0 20 20" aria-hidden="true" className="field__error-icon">
              <circle cx="10" cy="10" r="9" fill="currentColor" />
              <path
                d="M10 5.5v5.5M10 13.6v.9"
                stroke="#fff"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
            {error}
          </>
        ) : null}
      </p>
    </div>
  )
}
