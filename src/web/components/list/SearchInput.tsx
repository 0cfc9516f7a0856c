import { CloseButton, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';

/**
 * A text filter that follows the typing: the list (and the address) updates after a short
 * pause, or at once on Enter. A change from outside (clear filters, the back button)
 * replaces what is in the box.
 */
export function SearchInput({
  value,
  onChange,
  search = true,
  ...props
}: { value: string; onChange: (value: string) => void; search?: boolean } & Omit<TextInputProps, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  const committed = useRef(value);

  useEffect(() => {
    if (debounced !== committed.current) {
      committed.current = debounced;
      onChange(debounced);
    }
    // onChange is a fresh closure on every render; only a new pause in typing commits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  const commitNow = () => {
    if (text !== committed.current) {
      committed.current = text;
      onChange(text);
    }
  };

  return (
    <TextInput
      leftSection={search ? <IconSearch size={16} /> : undefined}
      type={search ? 'search' : 'text'}
      {...props}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commitNow();
      }}
      rightSection={search && text ? <CloseButton aria-label="Clear search" size="sm" onClick={() => setText('')} /> : undefined}
    />
  );
}
