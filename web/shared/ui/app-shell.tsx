import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { BrandMark } from './brand-mark.js'
import { Icon, type IconName } from './icons.js'
import './app-shell.css'

/** One link of the side navigation. */
export interface NavItem {
  id: string
  label: string
  href: string
  icon: IconName
}

/** A titled group of navigation links. */
export interface NavGroup {
  label?: string
  items: NavItem[]
}

/** Props of `AppShell`. */
export interface AppShellProps {
  brandName: string
  productName: string
  homeHref: string
  navLabel: string
  nav: NavGroup[]
  currentId: string
  /** Controls at the end of the header: user, language picker, sign-out. */
  headerEnd: ReactNode
  labels: { skipToContent: string; openMenu: string; closeMenu: string }
  children: ReactNode
}

const wideQuery = '(min-width: 64rem)'

/**
 * The frame of a signed-in app: a header, a side navigation at the inline start (a drawer on
 * narrow screens) and the main region. Up/Down/Home/End move between navigation links.
 */
export function AppShell(props: AppShellProps) {
  const { brandName, productName, homeHref, navLabel, nav, currentId, headerEnd, labels } = props
  const [menuOpen, setMenuOpen] = useState(false)
  const mainRef = useRef<HTMLElement>(null)
  const navRef = useRef<HTMLElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)

  // The drawer only exists on narrow screens; leaving them closes it.
  useEffect(() => {
    const media = window.matchMedia(wideQuery)
    const onChange = () => {
      if (media.matches) setMenuOpen(false)
    }
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [])

  useEffect(() => {
    if (!menuOpen) return
    navRef.current?.querySelector<HTMLElement>('[aria-current="page"], a')?.focus()
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setMenuOpen(false)
      toggleRef.current?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [menuOpen])

  useEffect(() => setMenuOpen(false), [currentId])

  function onNavKeyDown(event: KeyboardEvent<HTMLElement>) {
    const links = [...(navRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])]
    const index = links.indexOf(document.activeElement as HTMLAnchorElement)
    if (index < 0) return
    const next =
      event.key === 'ArrowDown'
        ? links[(index + 1) % links.length]
        : event.key === 'ArrowUp'
          ? links[(index - 1 + links.length) % links.length]
          : event.key === 'Home'
            ? links[0]
            : event.key === 'End'
              ? links[links.length - 1]
              : undefined
    if (next === undefined) return
    event.preventDefault()
    next.focus()
  }

  return (
    <div className={menuOpen ? 'shell shell--menu-open' : 'shell'}>
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          // The hash is the router's; move focus without touching it.
          event.preventDefault()
          mainRef.current?.focus()
        }}
      >
        {labels.skipToContent}
      </a>
      <header className="shell__header">
        <button
          ref={toggleRef}
          type="button"
          className="shell__menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="shell-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <Icon name={menuOpen ? 'close' : 'menu'} size={22} />
          <span className="visually-hidden">{menuOpen ? labels.closeMenu : labels.openMenu}</span>
        </button>
        <a className="shell__brand" href={homeHref}>
          <BrandMark size={30} />
          <span className="shell__brand-name" data-testid="brand-name">
            {brandName}
          </span>
          <span className="shell__product">{productName}</span>
        </a>
        <div className="shell__header-end">{headerEnd}</div>
      </header>
      <div className="shell__body">
        <div className="shell__sidebar">
          <nav
            id="shell-nav"
            ref={navRef}
            className="shell__nav"
            aria-label={navLabel}
            data-testid="side-nav"
            onKeyDown={onNavKeyDown}
          >
            {nav.map((group, groupIndex) => (
              <div className="shell__nav-group" key={group.label ?? groupIndex}>
                {group.label ? <p className="shell__nav-heading">{group.label}</p> : null}
                <ul className="shell__nav-list">
                  {group.items.map((item) => (
                    <li key={item.id}>
                      <a
                        className="shell__nav-link"
                        href={item.href}
                        aria-current={item.id === currentId ? 'page' : undefined}
                        data-testid={`nav-${item.id}`}
                      >
                        <Icon name={item.icon} />
                        <span>{item.label}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
        </div>
        <div className="shell__scrim" aria-hidden="true" onClick={() => setMenuOpen(false)} />
        <main
          id="main-content"
          ref={mainRef}
          className="shell__main"
          tabIndex={-1}
          inert={menuOpen || undefined}
        >
          <div className="shell__content">{props.children}</div>
        </main>
      </div>
    </div>
  )
}
