// Not a schema file: the glob does not match it.
throw new Error('not meant to be imported');
