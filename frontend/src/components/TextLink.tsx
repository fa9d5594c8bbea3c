import { Link as ChakraLink, type LinkProps as ChakraLinkProps } from "@chakra-ui/react";
import { createLink } from "@tanstack/react-router";
import type { Ref } from "react";

function BrandLink({ ref, ...props }: ChakraLinkProps & { ref?: Ref<HTMLAnchorElement> }) {
  return (
    <ChakraLink
      ref={ref}
      color="brand.fg"
      fontWeight="medium"
      textUnderlineOffset="3px"
      _hover={{ textDecoration: "underline" }}
      {...props}
    />
  );
}

/** A router link (typed `to`, preloading) styled as an inline text link. */
export const TextLink = createLink(BrandLink);
